import type { LegalForm } from '../../domain/organization-types';
import {
  type Application,
  applicationSchema,
  forWorkflow,
} from '../../domain/registration/application';
import { isValidResidentId, maskIdNumber, residentIdCheckChar } from '../../domain/resident-id';
import { IDS, inputFor } from './support/registration';

const FORMS: LegalForm[] = ['social_group', 'private_non_enterprise', 'foundation'];

/** The paths of the issues zod reports, joined with dots. */
function issuePaths(input: unknown): string[] {
  const r = applicationSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => i.path.join('.'));
}

describe('the application schema', () => {
  it.each(FORMS)(
    'given a complete %s application, when parsed, should accept it and fill the defaults',
    (form) => {
      const app = applicationSchema.parse(inputFor(form));
      expect(app.legalForm).toBe(form);
      expect(app.activityArea).toBe('常州市钟楼区');
      expect(app.needsPriorPermit).toBe(false);
      expect(app.legalRepresentative.idType).toBe('resident_id');
      expect(app.legalRepresentative.stateFunctionary).toBe(false);
      expect(app.legalRepresentative.legalRepresentativeElsewhere).toBe(false);
      expect(app.funds.inCash).toBe(true);
    },
  );

  it('given a social group with members, when parsed, should default the state-organ units to 0', () => {
    expect(applicationSchema.parse(inputFor('social_group')).members).toEqual({
      individuals: 50,
      units: 0,
      stateOrganUnits: 0,
    });
  });

  it('given a foundation board with only the number of directors, when parsed, should default the other counts', () => {
    expect(applicationSchema.parse(inputFor('foundation')).board).toEqual({
      directors: 7,
      paidDirectors: 2,
      closeRelatives: 0,
      privatelyFunded: false,
    });
  });

  it('given a legal representative whose resident ID has a wrong check character, when parsed, should refuse it on the idNumber', () => {
    const input = inputFor('social_group');
    // 320404198001010015 is valid; 4 is not its check character.
    input.legalRepresentative.idNumber = '320404198001010014';
    expect(issuePaths(input)).toEqual(['legalRepresentative.idNumber']);
  });

  it('given a founder whose resident ID has a lower-case x, when parsed, should refuse it (GB 11643 writes X)', () => {
    const input = inputFor('social_group');
    input.founders[1]!.idNumber = IDS.example.toLowerCase();
    expect(issuePaths(input)).toEqual(['founders.1.idNumber']);
  });

  it('given a passport holder, when parsed, should not apply the resident ID check', () => {
    const input = inputFor('social_group');
    input.founders[0] = { ...input.founders[0]!, idType: 'passport', idNumber: 'E12345678' };
    expect(applicationSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['no at sign', 'contact.zhonglou.example'],
    ['no domain', 'contact@'],
    ['a space', 'con tact@zhonglou.example'],
  ])('given a contact email with %s, when parsed, should refuse it', (_, email) => {
    const input = inputFor('private_non_enterprise');
    input.contact.email = email;
    expect(issuePaths(input)).toEqual(['contact.email']);
  });

  it('given negative funds, when parsed, should refuse the amount', () => {
    const input = inputFor('private_non_enterprise');
    input.funds.amount = -1;
    expect(issuePaths(input)).toEqual(['funds.amount']);
  });

  it('given funds of zero, when parsed, should accept them (the minimum is a completeness rule, not a format rule)', () => {
    const input = inputFor('private_non_enterprise');
    input.funds.amount = 0;
    expect(applicationSchema.safeParse(input).success).toBe(true);
  });

  it('given no declarations, when parsed, should refuse the application', () => {
    const { declarations: _, ...input } = inputFor('foundation');
    expect(issuePaths(input)).toEqual(['declarations']);
  });

  it('given a declarations object without the truthfulness promise, when parsed, should refuse that field', () => {
    const input = inputFor('foundation');
    input.declarations = { noDeprivationOfPoliticalRights: true, fullCivilCapacity: true } as never;
    expect(issuePaths(input)).toEqual(['declarations.truthful']);
  });

  it('given no founder, when parsed, should refuse the founders list', () => {
    const input = inputFor('social_group');
    input.founders = [];
    expect(issuePaths(input)).toEqual(['founders']);
  });

  it('given a phone with letters, when parsed, should refuse it', () => {
    const input = inputFor('social_group');
    input.contact.phone = '0519-HELLO';
    expect(issuePaths(input)).toEqual(['contact.phone']);
  });
});

describe('resident identity numbers', () => {
  it('given the worked example of GB 11643, when checked, should accept it and compute X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidResidentId(IDS.example)).toBe(true);
  });

  it('given a number with a birth month of 13, when checked, should refuse it', () => {
    // Weighted sum 175, 175 mod 11 = 10 → check character "2": right, so only the month refuses it.
    expect(isValidResidentId('320404198013010012')).toBe(false);
  });

  it('given a number born on 30 February with a correct check character, when checked, should refuse it', () => {
    // Weighted sum 202, 202 mod 11 = 4 → check character "8": right, so only the date refuses it.
    expect(residentIdCheckChar('32040419900230007')).toBe('8');
    expect(isValidResidentId('320404199002300078')).toBe(false);
  });

  it('given a number born on 29 February of a leap year, when checked, should accept it', () => {
    // Weighted sum 164, 164 mod 11 = 10 → "2".
    expect(isValidResidentId('320404200002290012')).toBe(true);
  });

  it('given 17 digits only, when checked, should refuse it', () => {
    expect(isValidResidentId('32040419800101001')).toBe(false);
  });

  it('given an 18-character resident ID, when masked, should keep the first four and last four characters', () => {
    expect(maskIdNumber(IDS.example)).toBe('1101**********002X');
  });

  it('given a nine-character passport number, when masked, should show only two characters at each end', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
  });

  it('given an 11-digit mobile number, when masked, should hide more than half of it', () => {
    expect(maskIdNumber('13800138000')).toBe('13*******00');
  });

  it('given an identifier of eight characters or fewer, when masked, should hide every character', () => {
    expect(maskIdNumber('88881234')).toBe('********');
  });
});

describe('forWorkflow', () => {
  const app: Application = applicationSchema.parse(inputFor('social_group'));
  const masked = forWorkflow(app);
  const people = (a: Application) => [
    a.legalRepresentative,
    ...a.founders,
    ...a.responsiblePersons,
  ];

  it('given an application, when prepared for the workflow, should mask every identity number', () => {
    expect(people(masked).map((p) => p.idNumber)).toEqual([
      '3204**********0015',
      '3204**********0024',
      '3204**********0036',
      '3204**********0045',
    ]);
  });

  it('given an application, when prepared for the workflow, should mask every phone, the contact phone too', () => {
    expect(people(masked).map((p) => p.phone)).toEqual([
      '13*******00',
      '051*******002',
      '051*******003',
      '051*******004',
    ]);
    expect(masked.contact.phone).toBe('051*******234');
  });

  it('given an application, when prepared for the workflow, should leave no original number anywhere in it', () => {
    const text = JSON.stringify(masked);
    for (const p of people(app)) {
      expect(text).not.toContain(p.idNumber);
      expect(text).not.toContain(p.phone);
    }
    expect(text).not.toContain(app.contact.phone);
  });

  it('given an application, when prepared for the workflow, should keep everything else and not touch the original', () => {
    expect({
      ...masked,
      contact: null,
      legalRepresentative: null,
      founders: null,
      responsiblePersons: null,
    }).toEqual({
      ...app,
      contact: null,
      legalRepresentative: null,
      founders: null,
      responsiblePersons: null,
    });
    expect(masked.legalRepresentative.name).toBe('刘法人');
    expect(app.legalRepresentative.idNumber).toBe(IDS.rep);
  });

  it('given a person without a phone, when prepared for the workflow, should leave the phone absent', () => {
    const input = inputFor('foundation');
    delete input.responsiblePersons![0]!.phone;
    const out = forWorkflow(applicationSchema.parse(input));
    expect(out.responsiblePersons[0]!.phone).toBeUndefined();
  });
});
