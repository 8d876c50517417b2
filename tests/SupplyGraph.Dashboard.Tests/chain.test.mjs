// The critical path view and the graph view on the seed (DeepSeek); chain-suite.mjs holds the checks,
// chain-generated.test.mjs runs them on a generated dataset.
import { after, before } from 'node:test';
import { closeBrowser, datasets, launch } from './harness.mjs';
import { chainSuite } from './chain-suite.mjs';

before(launch);
after(closeBrowser);
chainSuite(datasets().find((dataset) => dataset.name === 'seed'));
