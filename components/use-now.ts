/** The clock hook every surface with ages and countdowns uses. */
import { useEffect, useState } from 'preact/hooks';

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
