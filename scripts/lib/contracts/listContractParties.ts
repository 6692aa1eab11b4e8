/**
 * The providers and commissioners the contract fill-in form can pick a party from: names,
 * registered numbers and addresses, from the register. Ended records are left out: a contract
 * is made with an organisation that is on the register now.
 */
import type { Register } from '../buildRegister.ts';

export interface ContractParty {
  id: string;
  name: string;
  /** What the contract's "charity number" detail takes: the charity, OSCR or company number. */
  number?: string;
  /** `Registered charity 1123456` and the like, for the person choosing. */
  numberLabel?: string;
  address?: string;
}

export interface ContractParties {
  providers: ContractParty[];
  commissioners: ContractParty[];
}

export function listContractParties(register: Register): ContractParties {
  const providers = register.providers
    .filter((p) => p.status !== 'withdrawn')
    .map((p): ContractParty => {
      const [number, label] = p.charity_number
        ? [p.charity_number, `Registered charity ${p.charity_number}`]
        : p.oscr_number
          ? [p.oscr_number, `Scottish charity ${p.oscr_number}`]
          : p.company_number
            ? [p.company_number, `Company ${p.company_number}`]
            : [undefined, undefined];
      const address = [p.address_line_1, p.address_line_2, p.town, p.postcode]
        .filter(Boolean)
        .join(', ');
      return {
        id: p.provider_id,
        name: p.name,
        ...(number ? { number, numberLabel: label } : {}),
        ...(address ? { address } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const commissioners = register.commissioners
    .map((c): ContractParty => ({ id: c.commissioner_id, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { providers, commissioners };
}
