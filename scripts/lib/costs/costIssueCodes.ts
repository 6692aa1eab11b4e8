/**
 * The issue codes of the cost statement checks (validateCostStatements.ts and the calculator,
 * calculateFullCost.ts), for the catalogue in issueCodes.ts. None applies to a table column, so
 * the data dictionary lists them under cost statements.
 */
import { catalogue, type IssueCodeInfo } from '../issueCodeInfo.ts';

const rule = <const Code extends string>(
  code: Code,
  title: string,
  description: string,
): IssueCodeInfo<Code> => ({
  code,
  severity: 'error',
  title,
  description,
});

export const COST_ISSUE_CODES = catalogue([
  rule(
    'cost-statement/file-name',
    'Cost statement not published as JSON',
    'A cost statement is published as cost-statements/<name>.json, the name made of letters, digits and hyphens.',
  ),
  rule(
    'cost-statement/schema',
    'Cost statement does not match the schema',
    'A cost statement has the fields and types that schema/cost-statement.schema.json describes.',
  ),
  rule(
    'cost-statement/field',
    'Detail missing or malformed',
    "A statement gives the provider's name, the service, the date it was prepared and its cost lines.",
  ),
  rule(
    'cost-statement/text',
    'Name that a spreadsheet would run',
    'Names may not start with = + - or @ (a spreadsheet runs them as formulas) or hold control characters.',
  ),
  rule(
    'cost-statement/arithmetic',
    'Sums do not follow from the figures',
    'Every worked figure (shares, line totals and totals) is what the calculator makes of the figures it is worked from.',
  ),
  rule(
    'cost-statement/csv',
    'Not a readable sheet',
    'A CSV or XLSX cost statement is in the layout of the blank template: details, then the lines under a "category" header row.',
  ),
  rule(
    'cost/zero-volume',
    'No volume',
    'The service delivers more than 0 units in the year, or there is no price per unit.',
  ),
  rule(
    'cost/volume',
    'Volume not a number',
    'The volume is a number more than 0 with at most two decimal places.',
  ),
  rule('cost/unit', 'Unknown unit', 'The volume counts hours, sessions, places or people.'),
  rule(
    'cost/category',
    'Not a cost category',
    'Each line is a code from the cost-categories codelist.',
  ),
  rule('cost/duplicate-category', 'Category given twice', 'Each cost category has one line.'),
  rule(
    'cost/basis',
    'Unknown or misplaced basis',
    'Each line is direct or shared out by direct staff cost, staff time, headcount, floor area, service users or a stated percentage; only contingency and reserves is a percentage of the other costs.',
  ),
  rule(
    'cost/amount',
    'Not an amount of money',
    'Amounts are pounds and pence, 0 or more, up to £1 billion.',
  ),
  rule(
    'cost/measure',
    'Measure not a number',
    'Measures are numbers, 0 or more, with at most six decimal places.',
  ),
  rule(
    'cost/no-base',
    'Shared cost with no basis',
    'A shared cost needs a basis and measures for the service and the rest of the organisation that are not all 0, or it cannot be shared out.',
  ),
  rule(
    'cost/percent-sum',
    'Percentages do not add up to 100',
    "Shared by stated percentages, the service's and the rest of the organisation's add up to 100.",
  ),
  rule(
    'cost/contingency',
    'Contingency not a percentage',
    'Contingency and reserves is a percentage from 0 to 100 of the other costs, not an amount.',
  ),
  rule('cost/empty', 'No costs', 'A statement prices something: at least one cost is more than 0.'),
]);
