-- CreateTable
CREATE TABLE "DisclosureEvent" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "actorId" TEXT,
    "studentId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DisclosureEvent_districtId_createdAt_id_idx" ON "DisclosureEvent"("districtId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DisclosureEvent_studentId_createdAt_id_idx" ON "DisclosureEvent"("studentId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DisclosureEvent_actorId_createdAt_id_idx" ON "DisclosureEvent"("actorId", "createdAt" DESC, "id" DESC);


-- The disclosure log is append-only: the app's role cannot change or remove a line. The erasure of
-- a deleted student's data (issue 11) may remove theirs, and only inside a transaction that says so:
-- SET LOCAL pathways.erasure = 'on'.
CREATE FUNCTION pathways_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('pathways.erasure', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DisclosureEvent_append_only" BEFORE UPDATE OR DELETE ON "DisclosureEvent"
  FOR EACH ROW EXECUTE FUNCTION pathways_append_only();

-- The audit log too. Deleting a person keeps their audit lines and only forgets who they were
-- (actorId set to null by the foreign key); nothing else about a line ever changes.
CREATE FUNCTION pathways_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actorId" IS NULL
     AND NEW."id" = OLD."id" AND NEW."organizationId" = OLD."organizationId" AND NEW."action" = OLD."action"
     AND NEW."entityType" = OLD."entityType" AND NEW."entityId" = OLD."entityId"
     AND NEW."detail" IS NOT DISTINCT FROM OLD."detail" AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('pathways.erasure', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION pathways_audit_append_only();
