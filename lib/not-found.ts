import { notFound } from "next/navigation";
import { NotFoundError } from "./errors";

/** For pages: a record the actor may not see renders the 404 page, never its data. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
