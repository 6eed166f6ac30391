/** How a programme use-case reads "now": tests pass a fixed instant. */
export interface ClockOptions {
  /** The current instant; tests pass a fixed one. */
  now?: Date;
}
