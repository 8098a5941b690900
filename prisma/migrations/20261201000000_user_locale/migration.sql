-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;


-- Only the languages the interface has catalogues for.
ALTER TABLE "User" ADD CONSTRAINT "User_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en', 'es'));
