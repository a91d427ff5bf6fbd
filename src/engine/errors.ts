/**
 * The one error type the engine throws for invalid input: bad bars, bad options, bad params or an
 * order that fails validation. `field` names what is at fault (`bars.close`, `options.margin`,
 * `params.fast`, `order.sl`); the service maps it to a user-input error.
 */
export class EngineError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'EngineError';
    this.field = field;
  }
}
