/** The time source of anything that depends on "now" (months, days); tests inject their own. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
