-- A signature is bound, in the database, to the hash of the revision it names, and kept as given:
-- inserted only with that revision's hash and agreement, never changed or deleted except by
-- foreign-key actions (the agreement's cascade; the signer set to NULL when that person is deleted).
CREATE FUNCTION "agreement_signature_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (
      SELECT 1 FROM "AgreementRevision" r
      WHERE r."id" = NEW."revisionId" AND r."agreementId" = NEW."agreementId" AND r."contentHash" = NEW."contentHash"
    ) THEN
      RAISE EXCEPTION 'a signature must carry the hash of the revision it signs' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF pg_trigger_depth() > 1 AND NEW."signerId" IS NULL
       AND (NEW."id", NEW."agreementId", NEW."revisionId", NEW."role", NEW."typedName", NEW."contentHash", NEW."signedAt")
           IS NOT DISTINCT FROM (OLD."id", OLD."agreementId", OLD."revisionId", OLD."role", OLD."typedName", OLD."contentHash", OLD."signedAt") THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'signatures are immutable' USING ERRCODE = 'integrity_constraint_violation';
  ELSIF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'signatures are deleted only with their agreement' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER "agreement_signature_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AgreementSignature"
  FOR EACH ROW EXECUTE FUNCTION "agreement_signature_guard"();
