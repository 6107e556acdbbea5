/** Binds a view to its facets model. */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { FacetMap, FacetsModel, FacetsSnapshot } from './facets-model';

/** The model's current snapshot, re-rendering on every change. */
export function useSnapshot<M extends FacetMap>(model: FacetsModel<M>): FacetsSnapshot<M> {
  const [snapshot, setSnapshot] = useState(model.snapshot);
  // Layout effects: a model starts, and its first answers render, without waiting for a paint.
  useLayoutEffect(() => {
    setSnapshot(model.snapshot);
    return model.subscribe(setSnapshot);
  }, [model]);
  return snapshot;
}

/** A model made for the component's inputs, started while mounted and disposed after. */
export function useFacetsModel<M extends FacetMap>(make: () => FacetsModel<M>, inputs: readonly unknown[]): { model: FacetsModel<M>; snapshot: FacetsSnapshot<M> } {
  // `make` follows from `inputs`.
  const model = useMemo(make, inputs);
  useLayoutEffect(() => {
    model.start();
    return () => model.dispose();
  }, [model]);
  return { model, snapshot: useSnapshot(model) };
}
