// GraphiQL for the SupplyGraph API, with the headline questions as tabs and an examples menu.
import React, { createContext, useContext } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useEditorContext } from '@graphiql/react';
import { buildSchema } from 'graphql';
import 'graphiql/graphiql.css';
import './graphiql-a11y.css';
// The service answers no introspection; the schema is bundled from its snapshot (kept current by the API tests).
import sdl from '../../SupplyGraph.Api/GraphQL/schema.graphql';
import { QUERIES } from './queries.js';

const schema = buildSchema(sdl);

const params = new URLSearchParams(location.search);
const endpoint = params.get('api') || window.SUPPLYGRAPH_API || '/graphql';

// The examples are built from the data the service holds (a lab, a rule, an equipment maker), so the first tab answers
// on any dataset; the document that finds them is the dashboard's (queries.js).
function examplesFor({ lab, rule, equipment }) {
  const q = JSON.stringify;
  const list = [];
  if (lab) {
    list.push({
      title: `Export controls touching ${lab.name}`,
      query: `# Which export rules touch ${lab.name}, with the routes that explain them?
query ExportControls {
  exportControls(entity: ${q(lab.id)}) {
    partial
    hits {
      regulation { id name citation effective }
      paths { summary }
    }
  }
}
`,
    }, {
      title: `Supply chain of ${lab.name}`,
      query: `# Silicon to deployment for ${lab.name}, in stages.
query SupplyChain {
  supplyChain(entity: ${q(lab.id)}) {
    partial
    stages { stage entities { id name } }
  }
}
`,
    });
  }
  if (rule) {
    list.push({
      title: `Exposure to ${rule.name}`,
      query: `# Every entity ${rule.name} touches.
query Exposure {
  exposure(regulation: ${q(rule.id)}, maxPaths: 3) {
    inForce
    partial
    regulation { id name citation effective }
    exposed { entity { id name kind } paths { summary } }
  }
}
`,
    });
  }
  if (lab && equipment) {
    list.push({
      title: `Paths from ${lab.name} to ${equipment.name}`,
      query: `# The shortest paths between ${lab.name} and ${equipment.name}.
query Paths {
  paths(from: ${q(lab.id)}, to: ${q(equipment.id)}) {
    partial
    paths { length summary }
  }
}
`,
    });
  }
  list.push({
    title: 'What is loaded',
    query: `# Entities by kind, and the first page of AI labs.
query Overview {
  counts(by: ENTITY_KIND) { total groups { key count } }
  entities(where: { category: [AI_LAB] }, first: 10) { totalCount edges { node { id name country } } }
}
`,
  });
  if (lab) {
    list.push({
      title: `Search "${lab.name}"`,
      query: `# Entities whose id, name or alias contains the text.
query Search {
  search(text: ${q(lab.name)}, first: 10) { id kind name aliases }
}
`,
    });
  }
  return list;
}

async function loadExamples() {
  try {
    const body = await fetcher({ query: QUERIES.graphiqlExamples });
    const first = (c) => c?.edges?.[0]?.node || null;
    return examplesFor({ lab: first(body?.data?.labs), rule: first(body?.data?.rules), equipment: first(body?.data?.equipment) });
  } catch {
    return examplesFor({});
  }
}

async function fetcher(graphQLParams, opts) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...(opts?.headers || {}),
    },
    body: JSON.stringify(graphQLParams),
  });
  return response.json();
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M4 5h16M4 12h16M4 19h10" strokeLinecap="round" />
    </svg>
  );
}

function ExamplesPanel() {
  const EXAMPLES = useContext(Examples);
  const { addTab, queryEditor, tabs, activeTabIndex } = useEditorContext();
  const open = (example) => {
    addTab();
    // The new tab becomes active on the next render; write its query then.
    setTimeout(() => queryEditor?.setValue(example.query), 0);
  };
  const replace = (example) => queryEditor?.setValue(example.query);
  return (
    <div>
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>The headline questions of SupplyGraph. Open one in a new tab, or replace the current tab's query.</p>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {EXAMPLES.map((ex) => (
          <li key={ex.title} style={{ marginBottom: '0.75rem' }}>
            <div style={{ fontWeight: 600 }}>{ex.title}</div>
            <button type="button" className="graphiql-button" onClick={() => open(ex)}>Open in new tab</button>{' '}
            <button type="button" className="graphiql-button" onClick={() => replace(ex)} aria-label={`Replace current query with: ${ex.title}`}>Replace current</button>
          </li>
        ))}
      </ul>
      <p style={{ fontSize: '0.85em' }}>{tabs ? `${tabs.length} tab(s) open; tab ${activeTabIndex + 1} active.` : null}</p>
    </div>
  );
}

const Examples = createContext([]);
const dashboardHref = `/${params.get('api') ? `?api=${encodeURIComponent(params.get('api'))}` : ''}`;

const examplesPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPanel };

function App({ examples }) {
  return (
    <Examples.Provider value={examples}>
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      defaultQuery={examples[0].query}
      defaultTabs={examples.slice(0, 5).map((e) => ({ query: e.query }))}
      plugins={[examplesPlugin]}
      visiblePlugin={examplesPlugin}
      defaultEditorToolsVisibility={false}
      isHeadersEditorEnabled={true}
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo><a href={dashboardHref} className="sg-back">← SupplyGraph dashboard</a></GraphiQL.Logo>
    </GraphiQL>
    </Examples.Provider>
  );
}

// Accessibility touch-ups of GraphiQL 3's DOM: names for the CodeMirror text areas, no tab roles around nested
// buttons (the tabs stay plain buttons), keyboard access to scrolling editors.
function patchA11y() {
  const root = document.getElementById('graphiql');
  for (const ta of root.querySelectorAll('textarea:not([aria-label])')) {
    const host = ta.closest('.graphiql-query-editor, .result-window, .graphiql-editor-tool, .graphiql-editor');
    let name = 'Editor';
    if (host?.closest('.graphiql-query-editor')) name = 'GraphQL query editor';
    else if (host?.closest('.result-window')) name = 'Response';
    else if (host) name = host.closest('.graphiql-editor')?.getAttribute('aria-label') || 'Variables or headers editor';
    ta.setAttribute('aria-label', name);
  }
  for (const el of root.querySelectorAll('[role="tablist"], [role="tab"]')) el.setAttribute('role', 'none');
  for (const el of root.querySelectorAll('.graphiql-tabs > li:not([role])')) el.setAttribute('role', 'none');
  for (const el of root.querySelectorAll('.graphiql-tab[aria-selected]')) el.removeAttribute('aria-selected');
  for (const el of root.querySelectorAll('.graphiql-tab-active .graphiql-tab-button:not([aria-current])')) el.setAttribute('aria-current', 'true');
  for (const el of root.querySelectorAll('.graphiql-tab:not(.graphiql-tab-active) .graphiql-tab-button[aria-current]')) el.removeAttribute('aria-current');
  for (const el of root.querySelectorAll('.CodeMirror-scroll:not([tabindex="0"])')) el.setAttribute('tabindex', '0');
}
let patchQueued = false;
new MutationObserver(() => {
  if (patchQueued) return;
  patchQueued = true;
  requestAnimationFrame(() => { patchQueued = false; patchA11y(); });
}).observe(document.getElementById('graphiql'), { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'class'] });

loadExamples().then((examples) => createRoot(document.getElementById('graphiql')).render(<App examples={examples} />));
