// Component-test setup: jest-dom matchers, and a clean DOM after every test (globals are off).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
