import { describe, expect, it } from 'vitest';
import { type ImportContext, readPeopleCsv, serverRowProblems, withServerProblems } from '../people/peopleRules';

const context: ImportContext = { teams: [{ id: 't-sales', name: 'Sales' }], takenEmails: new Set(['taken@example.com']) };
const keysOf = (text: string) => readPeopleCsv(text, context).rows.map((row) => row.problems.map((p) => ('key' in p ? p.key : p.message)));

describe('reading people from a CSV', () => {
  it('reads each row into what createUsers takes: role AGENT unless given, lists split by semicolons, teams by name', () => {
    const plan = readPeopleCsv(
      'Email,Name,Password,Role,Languages,Teams,maxConcurrentChats\nana@example.com, Ana ,long-enough-1,,es;pt-BR,sales,5\nbo@example.com,Bo,long-enough-2,supervisor,,,',
      context,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((row) => row.input)).toEqual([
      { email: 'ana@example.com', name: 'Ana', password: 'long-enough-1', role: 'AGENT', languages: ['es', 'pt'], skills: [], teamIds: ['t-sales'], maxConcurrentChats: 5 },
      { email: 'bo@example.com', name: 'Bo', password: 'long-enough-2', role: 'SUPERVISOR', languages: [], skills: [], teamIds: [] },
    ]);
  });

  it('reads semicolon-separated files, as spreadsheets save them in Spanish and Portuguese', () => {
    const plan = readPeopleCsv('email;name;password\nana@example.com;Ana;long-enough-1', context);
    expect(plan.rows.map((row) => row.input.email)).toEqual(['ana@example.com']);
  });

  it('puts each problem against its row, as the API would find it', () => {
    const csv = [
      'email,name,password,role,languages,maxConcurrentChats,teams',
      'not-an-email,Ana,long-enough-1,,,,',
      'taken@example.com,Bo,long-enough-1,,,,',
      'cy@example.com,,short,BOSS,fr,0,Nobody',
      'ok@example.com,Di,long-enough-1,,,,',
      'OK@example.com,Ed,long-enough-1,,,,',
    ].join('\n');
    expect(keysOf(csv)).toEqual([['email'], ['taken'], ['name', 'password', 'role', 'languages', 'maxChats', 'teams'], [], ['duplicate']]);
  });

  it('refuses the file as a whole for a missing or unknown column, or more rows than one import takes', () => {
    expect(readPeopleCsv('email,name\na@example.com,A', context).problems).toEqual([{ key: 'missingColumns', params: { columns: 'password' } }]);
    expect(readPeopleCsv('email,name,password,e-mail\na@example.com,A,long-enough-1,x', context).problems).toMatchObject([{ key: 'unknownColumns', params: { columns: 'e-mail' } }]);
    const many = ['email,name,password', ...Array.from({ length: 1001 }, (_, i) => `p${i}@example.com,P,long-enough-1`)].join('\n');
    expect(readPeopleCsv(many, context).problems).toEqual([{ key: 'tooMany', params: { max: 1000 } }]);
  });

  it('marks a row with an unquoted comma, and reads a quoted one', () => {
    expect(keysOf('email,name,password\na@example.com,García, Ana,long-enough-1')[0]).toContain('tooManyCells');
    expect(readPeopleCsv('email,name,password\na@example.com,"García, Ana",long-enough-1', context).rows[0]!.input.name).toBe('García, Ana');
  });

  it('reads nothing from empty text', () => {
    expect(readPeopleCsv('  \n', context)).toEqual({ rows: [], problems: [] });
  });
});

describe("the API's refusal of an import", () => {
  it("puts the server's words against the rows it names, counted as sent", () => {
    const { rows } = readPeopleCsv('email,name,password\na@example.com,A,long-enough-1\nb@example.com,B,long-enough-1', context);
    const refused = serverRowProblems({ code: 'CONFLICT', row: 1, field: 'email', problems: [{ row: 1, field: 'email', message: 'A user with that e-mail already exists' }] });
    expect(withServerProblems(rows, refused).map((row) => row.problems)).toEqual([[], [{ message: 'A user with that e-mail already exists' }]]);
    expect(serverRowProblems({ code: 'FORBIDDEN' })).toEqual([]);
  });
});
