import type { RosterRow } from './roster';

/** A roster of `n` staff with active accounts (the business manager and two approvers first). */
export function generatedRoster(n: number): RosterRow[] {
  const types = ['Staff', 'Governor', 'Volunteer', 'Contractor'];
  const fixed: RosterRow[] = [
    {
      email: 'bm@school.example',
      name: 'Priya Raman',
      role: 'School Business Manager',
      staffType: 'Staff',
      personalEmail: '',
      startDate: '',
      line: 2,
    },
    {
      email: 'head@school.example',
      name: 'Alex Okafor',
      role: 'Headteacher',
      staffType: 'Staff',
      personalEmail: '',
      startDate: '',
      line: 3,
    },
    {
      email: 'tech@school.example',
      name: 'Sam Whitfield',
      role: 'Network Manager',
      staffType: 'Staff',
      personalEmail: '',
      startDate: '',
      line: 4,
    },
  ];
  return [
    ...fixed,
    ...Array.from({ length: n - fixed.length }, (_, i) => ({
      email: `staff${i}@school.example`,
      name: `Staff Member ${i}`,
      role: 'Teacher',
      staffType: types[i % 4] as string,
      personalEmail: '',
      startDate: '',
      line: i + 5,
    })),
  ];
}
