import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string, cost = COST) {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string) {
  return bcrypt.compare(password, hash);
}
