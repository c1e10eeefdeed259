import { setPasswordCostForTests } from '../electron/core/services/passwords';

// Real scrypt, cheaper parameters: suites create many accounts. tests/unit/passwords.test.ts
// checks the production parameters separately.
setPasswordCostForTests(12);
