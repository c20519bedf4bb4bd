import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onEvents } from './live.js';

/**
 * Loads a view's data with `load()` and loads it again whenever the stream brings an event of a type `liveMatches`
 * (no timers: a view changes only when something happened). The previous data stays on screen while reloading.
 */
export function useLiveData(load, liveMatches, deps = []) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error) => mine === generation.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    reload();
    return liveMatches ? onEvents(liveMatches, reload) : undefined;
  }, [reload]);
  return { ...state, reload };
}
