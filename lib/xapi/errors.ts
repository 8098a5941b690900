// The receiver answers in HTTP terms, not with ActionResult: an xAPI client branches on the
// status code, and the message names the problem for the person integrating a tool.

export class XapiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 501,
    message: string,
  ) {
    super(message);
  }
}

/** A statement that breaks the spec: 400 with where and what. */
export const invalid = (path: string, problem: string) => new XapiError(400, `${path}: ${problem}`);
