// Comparing two states of a plan's content (two revisions, a plan and a proposed change)
// field by field, and merging two people's edits of the same plan. Pure: used by the
// server to prepare a comparison and by the browser to merge an edit conflict.
import { diffWords } from "diff";
import { formatDay } from "@/lib/dates";
import { PLAN_TYPE_LABEL, RESOURCE_KIND_LABEL, SETTING_LABEL, SUBJECT_LABEL } from "./labels";
import type { PlanFormInput, RevisionContent } from "./schemas";

/** A plan's content as revisions, proposed changes and the plan form hold it. */
export type Content = RevisionContent;
export type ContentGoal = Content["goals"][number];
export type ContentActivity = ContentGoal["activities"][number];

/** A run of text in a compared field: kept, added in the newer state, or removed from the older one. */
export type TextPart = { text: string; change: "same" | "added" | "removed" };
/** `label` is the field's English name; `labelKey` names it for the catalogue (plans.fields.<labelKey>), so pages word it in their language. */
export type FieldChange = { field: string; label: string; labelKey: FieldLabelKey; before: string; after: string; parts: TextPart[] };
export type ActivityChange = { kind: "added" | "removed" | "changed"; id?: string; title: string; fields: FieldChange[] };
export type GoalChange = {
  kind: "added" | "removed" | "changed";
  id?: string;
  title: string;
  fields: FieldChange[];
  standards: { added: string[]; removed: string[] };
  activities: ActivityChange[];
};
export type PlanDiff = { fields: FieldChange[]; goals: GoalChange[]; unchangedGoals: number; changeCount: number };

type Spec<T> = { field: keyof T & string; label: string; show?: (value: string) => string; words?: boolean };
/** A list of specs that keeps its fields' names as a type (FieldLabelKey is built from them). */
const specsOf =
  <T>() =>
  <F extends keyof T & string>(list: readonly (Spec<T> & { field: F })[]) =>
    list;
type FieldOf<S extends readonly { field: string }[]> = S[number]["field"];
export type FieldLabelKey =
  | `plan.${FieldOf<typeof PLAN_FIELDS>}`
  | "plan.order"
  | `goal.${FieldOf<typeof GOAL_FIELDS>}`
  | `activity.${FieldOf<typeof ACTIVITY_FIELDS>}`;

const day = (v: string) => (v ? formatDay(v) : "No date");

const PLAN_FIELDS = specsOf<Content>()([
  { field: "title", label: "Title", words: true },
  { field: "type", label: "Kind of plan", show: (v) => PLAN_TYPE_LABEL[v as Content["type"]] ?? v },
  { field: "summary", label: "Summary", words: true },
  { field: "startsOn", label: "Start date", show: day },
  { field: "endsOn", label: "End date", show: day },
]);

const GOAL_FIELDS = specsOf<ContentGoal>()([
  { field: "subject", label: "Subject", show: (v) => SUBJECT_LABEL[v as ContentGoal["subject"]] ?? v },
  { field: "title", label: "Goal", words: true },
  { field: "successCriteria", label: "Success criteria", words: true },
  { field: "masteryDemonstration", label: "How mastery will be shown", words: true },
  { field: "targetDate", label: "Target date", show: day },
]);

const ACTIVITY_FIELDS = specsOf<ContentActivity>()([
  { field: "description", label: "What", words: true },
  { field: "setting", label: "Where", show: (v) => SETTING_LABEL[v as ContentActivity["setting"]] ?? v },
  { field: "timing", label: "When", words: true },
  { field: "withWhom", label: "With whom", words: true },
  { field: "resourceKind", label: "Kind of resource", show: (v) => RESOURCE_KIND_LABEL[v as ContentActivity["resourceKind"]] ?? v },
  { field: "resource", label: "Resource", words: true },
  { field: "resourceUrl", label: "Link", words: false },
]);

/** The runs of a text change; words for prose, the whole value for dates and choices. */
export function textParts(before: string, after: string, words = true): TextPart[] {
  if (before === after) return before ? [{ text: before, change: "same" }] : [];
  if (!words) {
    return [
      ...(before ? [{ text: before, change: "removed" as const }] : []),
      ...(after ? [{ text: after, change: "added" as const }] : []),
    ];
  }
  return diffWords(before, after).map((c) => ({ text: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" }));
}

function fieldChanges<T>(scope: "plan" | "goal" | "activity", specs: readonly Spec<T>[], before: T, after: T): FieldChange[] {
  return specs.flatMap((s) => {
    const b = String(before[s.field] ?? "");
    const a = String(after[s.field] ?? "");
    if (b === a) return [];
    const show = s.show ?? ((v: string) => v);
    // The specs of each scope are the ones FieldLabelKey is built from.
    const labelKey = `${scope}.${s.field}` as FieldLabelKey;
    return [
      { field: s.field, label: s.label, labelKey, before: show(b), after: show(a), parts: textParts(show(b), show(a), s.words ?? false) },
    ];
  });
}

/** Items matched by id; an item without an id (not saved yet) matches nothing. */
function matchById<T extends { id?: string }>(before: readonly T[], after: readonly T[]) {
  const afterIds = new Set(after.map((x) => x.id).filter(Boolean));
  const beforeById = new Map(before.filter((x) => x.id).map((x) => [x.id as string, x]));
  const pairs = after.map((a) => ({ before: a.id ? beforeById.get(a.id) : undefined, after: a as T | undefined }));
  const removed = before.filter((b) => !b.id || !afterIds.has(b.id)).map((b) => ({ before: b as T | undefined, after: undefined }));
  return [...pairs, ...removed];
}

const activityTitle = (a: ContentActivity) => (a.description.length > 80 ? `${a.description.slice(0, 79)}…` : a.description);

function activityChanges(before: readonly ContentActivity[], after: readonly ContentActivity[]): ActivityChange[] {
  return matchById(before, after).flatMap(({ before: b, after: a }): ActivityChange[] => {
    if (a && !b)
      return [{ kind: "added", id: a.id, title: activityTitle(a), fields: fieldChanges("activity", ACTIVITY_FIELDS, blankActivity(a), a) }];
    if (b && !a)
      return [
        { kind: "removed", id: b.id, title: activityTitle(b), fields: fieldChanges("activity", ACTIVITY_FIELDS, b, blankActivity(b)) },
      ];
    if (!a || !b) return [];
    const fields = fieldChanges("activity", ACTIVITY_FIELDS, b, a);
    return fields.length ? [{ kind: "changed", id: a.id, title: activityTitle(a), fields }] : [];
  });
}

function blankActivity(a: ContentActivity): ContentActivity {
  return {
    ...a,
    description: "",
    setting: a.setting,
    timing: "",
    withWhom: "",
    resourceKind: a.resourceKind,
    resource: "",
    resourceUrl: "",
  };
}

function blankGoal(g: ContentGoal): ContentGoal {
  return { ...g, title: "", successCriteria: "", masteryDemonstration: "", targetDate: "", standardIds: [], activities: [] };
}

function goalChange(b: ContentGoal | undefined, a: ContentGoal | undefined): GoalChange | null {
  const before = b ?? (a ? blankGoal(a) : undefined);
  const after = a ?? (b ? blankGoal(b) : undefined);
  if (!before || !after) return null;
  const kind = !b ? "added" : !a ? "removed" : "changed";
  const fields = fieldChanges("goal", GOAL_FIELDS, before, after).filter((f) => kind === "changed" || f.field !== "subject");
  const standards = {
    added: after.standardIds.filter((id) => !before.standardIds.includes(id)),
    removed: before.standardIds.filter((id) => !after.standardIds.includes(id)),
  };
  const activities = activityChanges(before.activities, after.activities);
  if (kind === "changed" && !fields.length && !standards.added.length && !standards.removed.length && !activities.length) return null;
  return { kind, id: (a ?? b)?.id, title: (a ?? b)?.title ?? "", fields, standards, activities };
}

/** What changed from `before` to `after`: plan fields, then goals (matched by id) in their new order, removed ones last. */
export function diffContent(before: Content, after: Content): PlanDiff {
  const fields = fieldChanges("plan", PLAN_FIELDS, before, after);
  const pairs = matchById(before.goals, after.goals);
  const goals = pairs.map((p) => goalChange(p.before, p.after)).filter((g): g is GoalChange => g !== null);
  // A goal that only moved is a change of order: it is shown as such, not as a rewrite.
  const common = (list: readonly ContentGoal[], other: readonly ContentGoal[]) =>
    list.filter((g) => g.id && other.some((o) => o.id === g.id)).map((g) => g.id);
  const orderBefore = common(before.goals, after.goals);
  const orderAfter = common(after.goals, before.goals);
  const moved = orderBefore.join() !== orderAfter.join();
  if (moved) {
    fields.push({
      field: "order",
      label: "Order of goals",
      labelKey: "plan.order",
      before: "Earlier order",
      after: "New order",
      parts: [
        { text: "Earlier order", change: "removed" },
        { text: "New order", change: "added" },
      ],
    });
  }
  const changeCount =
    fields.length +
    goals.reduce(
      (n, g) =>
        n + (g.kind === "changed" ? g.fields.length + g.standards.added.length + g.standards.removed.length + g.activities.length : 1),
      0,
    );
  return {
    fields,
    goals,
    unchangedGoals: pairs.filter((p) => p.before && p.after).length - goals.filter((g) => g.kind === "changed").length,
    changeCount,
  };
}

// ——— Merging two people's edits ———

export type MergeChoice = "mine" | "theirs";
/** One place where the other person's saved version differs from what this editor has. */
export type MergeSlot = {
  key: string;
  /** The goal it belongs to ("" for the plan's own fields). */
  group: string;
  label: string;
  /** The catalogue key of its label (plans.fields.<labelKey>); `label` is the English. */
  labelKey: MergeLabelKey;
  base: string;
  mine: string;
  theirs: string;
  /** This editor changed it too: a real choice. Otherwise their change is taken unless refused. */
  conflict: boolean;
  preset: MergeChoice;
};

/** Content compared without regard to key order or the order of standards. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const sameStandards = (a: readonly string[], b: readonly string[]) => same([...a].sort(), [...b].sort());

function showActivities(list: readonly ContentActivity[]) {
  if (!list.length) return "No activities";
  return list.map((a) => `• ${a.description} (${SETTING_LABEL[a.setting] ?? a.setting}${a.timing ? `, ${a.timing}` : ""})`).join("\n");
}
function showGoal(g: ContentGoal | undefined) {
  if (!g) return "Not in this version";
  return [
    `${SUBJECT_LABEL[g.subject] ?? g.subject}: ${g.title}`,
    `Success criteria: ${g.successCriteria}`,
    `How mastery will be shown: ${g.masteryDemonstration}`,
    ...(g.activities.length ? [`Activities:\n${showActivities(g.activities)}`] : []),
  ].join("\n");
}

type GoalField = "subject" | "title" | "successCriteria" | "masteryDemonstration" | "targetDate" | "standardIds" | "activities";
export type MergeLabelKey =
  `plan.${FieldOf<typeof PLAN_FIELDS>}` | `goal.${GoalField}` | "goal.theyAdded" | "goal.theyChangedRemoved" | "goal.theyRemoved";
const MERGE_GOAL_FIELDS: {
  field: GoalField;
  label: string;
  show: (g: ContentGoal) => string;
  equal?: (a: ContentGoal, b: ContentGoal) => boolean;
}[] = [
  ...GOAL_FIELDS.map((s) => ({
    field: s.field as GoalField,
    label: s.label,
    show: (g: ContentGoal) => (s.show ?? ((v: string) => v))(String(g[s.field] ?? "")),
  })),
  {
    field: "standardIds",
    label: "Standards",
    show: (g) => (g.standardIds.length ? `${g.standardIds.length} linked` : "None"),
    equal: (a, b) => sameStandards(a.standardIds, b.standardIds),
  },
  { field: "activities", label: "Activities", show: (g) => showActivities(g.activities) },
];

/**
 * A three-way merge: `base` is what this editor loaded, `theirs` what someone else saved
 * since, `mine` what this editor has now. Returns the places where theirs differs from
 * mine (each a choice), and a function that builds the merged plan from the choices.
 * Where only one side changed something, the preset is that side's version. Goals are
 * matched by id; goals only this editor added always stay, in this editor's order, and
 * goals only they added follow the goal they follow in their version.
 */
export function planMerge(base: Content, theirs: Content, mine: Content) {
  const slots: MergeSlot[] = [];
  const slot = (s: Omit<MergeSlot, "preset">) => slots.push({ ...s, preset: s.conflict ? "mine" : "theirs" });

  for (const spec of PLAN_FIELDS) {
    const [b, t, m] = [base, theirs, mine].map((c) => String(c[spec.field]));
    if (t === b || t === m) continue;
    const show = spec.show ?? ((v: string) => v);
    slot({
      key: `plan.${spec.field}`,
      group: "",
      label: spec.label,
      labelKey: `plan.${spec.field}`,
      base: show(b!),
      theirs: show(t!),
      mine: show(m!),
      conflict: m !== b,
    });
  }

  const byId = (c: Content) => new Map(c.goals.filter((g) => g.id).map((g) => [g.id as string, g]));
  const [B, T, M] = [byId(base), byId(theirs), byId(mine)];
  const ids = [...new Set([...M.keys(), ...T.keys(), ...B.keys()])];
  for (const id of ids) {
    const [b, t, m] = [B.get(id), T.get(id), M.get(id)];
    const group = (t ?? m ?? b)?.title ?? "";
    if (t && m) {
      const from = b ?? m;
      for (const f of MERGE_GOAL_FIELDS) {
        const eq = f.equal ?? ((x: ContentGoal, y: ContentGoal) => same(x[f.field], y[f.field]));
        if (eq(t, from) || eq(t, m)) continue;
        slot({
          key: `goal.${id}.${f.field}`,
          group,
          label: f.label,
          labelKey: `goal.${f.field}`,
          base: f.show(from),
          theirs: f.show(t),
          mine: f.show(m),
          conflict: !eq(m, from),
        });
      }
    } else if (t && !m && (!b || !same(t, b))) {
      // They added this goal, or changed one this editor removed.
      slot({
        key: `goal.${id}`,
        group,
        label: b ? "They changed a goal you removed" : "They added a goal",
        labelKey: b ? "goal.theyChangedRemoved" : "goal.theyAdded",
        base: showGoal(b),
        theirs: showGoal(t),
        mine: showGoal(undefined),
        conflict: !!b,
      });
    } else if (!t && m && b) {
      // They removed this goal; this editor still has it.
      slot({
        key: `goal.${id}`,
        group,
        label: "They removed this goal",
        labelKey: "goal.theyRemoved",
        base: showGoal(b),
        theirs: showGoal(undefined),
        mine: showGoal(m),
        conflict: !same(m, b),
      });
    }
  }

  function result(choices: Readonly<Record<string, MergeChoice>> = {}): PlanFormInput {
    const choice = (key: string): MergeChoice => choices[key] ?? slots.find((s) => s.key === key)?.preset ?? "mine";
    const pick = <K extends keyof Content>(k: K) => (choice(`plan.${k}`) === "theirs" ? theirs[k] : mine[k]);
    const theirActivityIds = new Set(theirs.goals.flatMap((g) => g.activities.map((a) => a.id)).filter(Boolean));
    // Ids that no longer exist in the saved plan are dropped: those goals and activities are written as new.
    const clean = (g: ContentGoal): ContentGoal => ({
      ...g,
      id: g.id && T.has(g.id) ? g.id : undefined,
      activities: g.activities.map((a) => ({ ...a, id: a.id && theirActivityIds.has(a.id) ? a.id : undefined })),
    });
    const mergeGoal = (m: ContentGoal, t: ContentGoal): ContentGoal => {
      const g: ContentGoal = { ...m };
      for (const f of MERGE_GOAL_FIELDS) if (choice(`goal.${m.id}.${f.field}`) === "theirs") Object.assign(g, { [f.field]: t[f.field] });
      return g;
    };

    const goals: ContentGoal[] = [];
    for (const m of mine.goals) {
      const t = m.id ? T.get(m.id) : undefined;
      if (!m.id) goals.push(m);
      else if (t) goals.push(mergeGoal(m, t));
      else if (choice(`goal.${m.id}`) === "mine" || !B.has(m.id)) goals.push(m);
    }
    // Their goals this editor does not have, placed after the goal that precedes them in their version.
    theirs.goals.forEach((t, i) => {
      if (!t.id || M.has(t.id)) return;
      if (!slots.some((s) => s.key === `goal.${t.id}`) || choice(`goal.${t.id}`) !== "theirs") return;
      const before = theirs.goals
        .slice(0, i)
        .reverse()
        .find((p) => goals.some((g) => g.id && g.id === p.id));
      const at = before ? goals.findIndex((g) => g.id === before.id) + 1 : 0;
      goals.splice(at, 0, t);
    });

    return {
      title: pick("title"),
      type: pick("type"),
      summary: pick("summary"),
      startsOn: pick("startsOn"),
      endsOn: pick("endsOn"),
      goals: goals.map(clean).map((g) => ({ ...g, activities: g.activities })),
    };
  }

  return { slots, result };
}

/** Every choice set to one side: "keep all mine" / "take all theirs". */
export function allChoices(slots: readonly MergeSlot[], side: MergeChoice): Record<string, MergeChoice> {
  return Object.fromEntries(slots.map((s) => [s.key, side]));
}
