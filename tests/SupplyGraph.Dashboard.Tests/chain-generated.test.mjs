// The critical path view and the graph view on a generated dataset the dashboard has never seen (its biggest hub lab);
// chain-suite.mjs holds the checks, chain.test.mjs runs them on the seed.
import { after, before } from 'node:test';
import { closeBrowser, datasets, launch } from './harness.mjs';
import { chainSuite } from './chain-suite.mjs';

before(launch);
after(closeBrowser);
chainSuite(datasets().find((dataset) => dataset.name === 'generated'));
