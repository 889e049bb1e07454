/**
 * data/parliament/members.csv: names for Parliament's member ids that our copies of the answers hold
 * without a name (answers seeded from the archive), each with where the name was read. Kept as our own
 * small table so that a name is never guessed from an id; a name the service itself gave always wins.
 */
import { num, parseTable, text, type Schema, type TableSpec } from "../data/schema.ts";

export const membersTable = {
  key: "member_id",
  columns: {
    member_id: num({ integer: true, min: 1 }),
    name: text({ maxLength: 100, name: true, describe: "the member's name as the source gives it" }),
    source: text({ describe: "where the name for this id was read (a repository, commit and file, or an address)" }),
  },
} satisfies TableSpec<Schema>;

/** Member names by id, from the table's text. */
export function parseMembers(csvText: string, file: string): Map<number, string> {
  return new Map(parseTable(csvText, file, membersTable).map((r) => [r.member_id, r.name]));
}

/** The name an answer shows for a member: the name stored with it, else the table's, else null. */
export function memberName(
  name: string | null,
  id: number | null,
  members: ReadonlyMap<number, string>,
): string | null {
  return name ?? (id === null ? null : (members.get(id) ?? null));
}
