// Component-test setup: jest-dom matchers, and a clean DOM after every test (globals are off).
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Two cores shared by many processes: give findBy/waitFor room beyond the 250 ms search debounce.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => cleanup());
