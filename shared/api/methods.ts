import { apiArgs, type ApiMethod } from './contract';

/** Every method of the API contract, for bridges that expose one function per method. */
export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiArgs, name);
}
