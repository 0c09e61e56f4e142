import { Component, type ComponentType, type FunctionComponent } from 'preact';

function shallowEqual(a: object, b: object): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Skips re-rendering `Inner` while its props are shallowly equal: lets a long list re-render only the rows that
 * changed (preact/compat's memo would do the same, at the cost of the compat layer in the bundle).
 */
export function pure<P extends object>(Inner: FunctionComponent<P>): ComponentType<P> {
  return class Pure extends Component<P> {
    static override displayName = `Pure(${Inner.displayName ?? Inner.name})`;
    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props, next);
    }
    override render() {
      return <Inner {...this.props} />;
    }
  };
}
