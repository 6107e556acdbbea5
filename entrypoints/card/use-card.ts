/** Binds the card's views to its model. */
import { useEffect, useState } from 'preact/hooks';
import type { CardModel, CardSnapshot } from './card-model';

/** The model's current snapshot, re-rendering on every change. */
export function useSnapshot(model: CardModel): CardSnapshot {
  const [snapshot, setSnapshot] = useState(model.snapshot);
  useEffect(() => {
    setSnapshot(model.snapshot);
    return model.subscribe(setSnapshot);
  }, [model]);
  return snapshot;
}
