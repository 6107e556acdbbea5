/** Hooks binding the card's views to its model and to the clock. */
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

/** The current time, renewed every `intervalMs` (for ages and countdowns). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
