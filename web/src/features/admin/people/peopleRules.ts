import Papa from 'papaparse';
import type { CreateUserInput, Role } from '../../../gql/graphql';
import { isEmail } from '../../../shared/text/email';
import { LANGUAGES } from '../campaignForm';

export const ROLES = ['AGENT', 'SUPERVISOR', 'ADMIN'] as const satisfies readonly Role[];

/** The API's own limits (api/src/modules/users/user.rules.ts), checked here first so a file is mended before it is sent. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_CHATS_LIMIT = 50;
export const MAX_PEOPLE_AT_ONCE = 1000;

/** The columns an import reads, by header (in any case and order); the first three are needed. */
export const IMPORT_COLUMNS = ['email', 'name', 'password', 'role', 'languages', 'skills', 'maxConcurrentChats', 'teams'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly ImportColumn[] = ['email', 'name', 'password'];

/** Several values in one cell (languages, skills, teams) are separated by this. */
export const LIST_SEPARATOR = ';';

/** Something to tell the reader: a text key under `admin.users.import` with its values, or the server's own words. */
export type ImportProblem = { key: string; params?: Record<string, string | number> } | { message: string };

/** One person of the file: the cells as read, what would be sent, and what is wrong with it. */
export interface ImportRow {
  cells: Record<ImportColumn, string>;
  input: CreateUserInput;
  problems: ImportProblem[];
}

/** A file read: its people, and what is wrong with the file as a whole (then nothing can be sent). */
export interface ImportPlan {
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** What a row is checked against: the teams by name, and the e-mails people already have. */
export interface ImportContext {
  teams: readonly { id: string; name: string }[];
  takenEmails: ReadonlySet<string>;
}

const byHeader = new Map(IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
const list = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((value) => value.trim())
    .filter(Boolean);

/**
 * Reads a CSV of people (comma, semicolon or tab separated, with a header row) and checks every row
 * as the API would, so the preview shows each problem against its row before anything is sent.
 */
export function readPeopleCsv(text: string, context: ImportContext): ImportPlan {
  if (!text.trim()) return { rows: [], problems: [] };
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: 'greedy', transformHeader: (header) => header.trim() });
  const headers = parsed.meta.fields ?? [];
  const unknown = headers.filter((header) => !byHeader.has(header.toLowerCase()));
  const missing = REQUIRED.filter((column) => !headers.some((header) => byHeader.get(header.toLowerCase()) === column));
  const problems: ImportProblem[] = [];
  if (missing.length) problems.push({ key: 'missingColumns', params: { columns: missing.join(', ') } });
  if (unknown.length) problems.push({ key: 'unknownColumns', params: { columns: unknown.join(', '), known: IMPORT_COLUMNS.join(', ') } });
  if (parsed.data.length > MAX_PEOPLE_AT_ONCE) problems.push({ key: 'tooMany', params: { max: MAX_PEOPLE_AT_ONCE } });
  const teamsByName = new Map(context.teams.map((team) => [team.name.trim().toLowerCase(), team.id]));
  const firstRowOf = new Map<string, number>();
  const rows = parsed.data.map((record, index) => {
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, ''])) as Record<ImportColumn, string>;
    for (const [header, value] of Object.entries(record)) {
      const column = byHeader.get(header.toLowerCase());
      if (column) cells[column] = (value ?? '').trim();
    }
    const row = checkRow(cells, teamsByName, context.takenEmails);
    // Cells left out at a row's end are empty ones; a cell too many is a comma the row did not quote.
    for (const error of parsed.errors) {
      if (error.row === index && error.code === 'TooManyFields') row.problems.push({ key: 'tooManyCells' });
      if (error.row === index && error.type === 'Quotes') row.problems.push({ key: 'quotes' });
    }
    const email = cells.email.toLowerCase();
    const earlier = firstRowOf.get(email);
    if (earlier !== undefined) row.problems.push({ key: 'duplicate', params: { row: earlier + 1 } });
    else if (email) firstRowOf.set(email, index);
    return row;
  });
  return { rows, problems };
}

/** One row as the API's checks see it (user.rules.ts `checkNewPerson`), with teams named rather than given by id. */
function checkRow(cells: Record<ImportColumn, string>, teamsByName: ReadonlyMap<string, string>, takenEmails: ReadonlySet<string>): ImportRow {
  const problems: ImportProblem[] = [];
  if (!isEmail(cells.email)) problems.push({ key: 'email' });
  else if (takenEmails.has(cells.email.toLowerCase())) problems.push({ key: 'taken' });
  if (!cells.name) problems.push({ key: 'name' });
  if (cells.password.length < MIN_PASSWORD_LENGTH) problems.push({ key: 'password', params: { min: MIN_PASSWORD_LENGTH } });
  const role = (cells.role.toUpperCase() || 'AGENT') as Role;
  if (!(ROLES as readonly string[]).includes(role)) problems.push({ key: 'role', params: { roles: ROLES.join(', ') } });
  const languages = list(cells.languages).map((l) => l.slice(0, 2).toLowerCase());
  if (languages.some((l) => !(LANGUAGES as readonly string[]).includes(l))) problems.push({ key: 'languages', params: { languages: LANGUAGES.join(', ') } });
  const max = cells.maxConcurrentChats ? Number(cells.maxConcurrentChats) : null;
  if (max !== null && !(Number.isInteger(max) && max >= 1 && max <= MAX_CHATS_LIMIT)) problems.push({ key: 'maxChats', params: { max: MAX_CHATS_LIMIT } });
  const teams = list(cells.teams);
  const unknownTeams = teams.filter((name) => !teamsByName.has(name.toLowerCase()));
  if (unknownTeams.length) problems.push({ key: 'teams', params: { teams: unknownTeams.join(', ') } });
  const input: CreateUserInput = {
    email: cells.email,
    name: cells.name,
    password: cells.password,
    role,
    languages,
    skills: list(cells.skills),
    teamIds: teams.flatMap((name) => teamsByName.get(name.toLowerCase()) ?? []),
    ...(max === null ? {} : { maxConcurrentChats: max }),
  };
  return { cells, input, problems };
}

/** One row at fault as the API names it in a refusal's `extensions.problems`. */
export interface ServerRowProblem {
  row: number;
  field: string;
  message: string;
}

/** The rows the API refused, each with its words, beside what was found here; rows are as sent (the plan's order). */
export function withServerProblems(rows: readonly ImportRow[], refused: readonly ServerRowProblem[]): ImportRow[] {
  return rows.map((row, index) => {
    const found = refused.filter((p) => p.row === index).map(({ message }) => ({ message }));
    return found.length ? { ...row, problems: [...row.problems, ...found] } : row;
  });
}

/** The per-row problems of a refusal, when it names rows. */
export function serverRowProblems(extensions: Readonly<Record<string, unknown>> | undefined): ServerRowProblem[] {
  const problems = extensions?.problems;
  return Array.isArray(problems) ? problems.filter((p): p is ServerRowProblem => typeof p?.row === 'number' && typeof p?.message === 'string') : [];
}
