// GraphiQL for the SupplyGraph API, with the headline questions as tabs and an examples menu.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useEditorContext } from '@graphiql/react';
import { buildSchema } from 'graphql';
import 'graphiql/graphiql.css';
import './graphiql-a11y.css';
// The service answers no introspection; the schema is bundled from its snapshot (kept current by the API tests).
import sdl from '../../SupplyGraph.Api/GraphQL/schema.graphql';

const schema = buildSchema(sdl);

const params = new URLSearchParams(location.search);
const endpoint = params.get('api') || window.SUPPLYGRAPH_API || '/graphql';

const EXAMPLES = [
  {
    title: 'Export controls touching DeepSeek',
    query: `# Which export rules touch DeepSeek, with the routes that explain them?
query ExportControlsDeepSeek {
  exportControls(entity: "deepseek") {
    partial
    hits {
      regulation { id name citation effective }
      paths { summary }
    }
  }
}
`,
  },
  {
    title: 'Supply chain of DeepSeek',
    query: `# Silicon to deployment for DeepSeek, in stages.
query SupplyChainDeepSeek {
  supplyChain(entity: "deepseek") {
    partial
    stages { stage entities { id name } }
  }
}
`,
  },
  {
    title: 'Exposure to the October 2023 BIS rule',
    query: `# Every entity the October 2023 advanced-computing rule touches.
query ExposureBis2023 {
  exposure(regulation: "us-bis-2023-10-advanced-computing", maxPaths: 3) {
    inForce
    partial
    regulation { id name citation effective }
    exposed { entity { id name kind } paths { summary } }
  }
}
`,
  },
  {
    title: 'Paths from Hugging Face to ASML',
    query: `# The shortest paths between Hugging Face and ASML.
query PathsHuggingFaceAsml {
  paths(from: "hugging-face", to: "asml") {
    partial
    paths { length summary }
  }
}
`,
  },
  {
    title: 'Search "DeepSeek"',
    query: `# Entities whose id, name or alias contains the text.
query SearchDeepSeek {
  search(text: "DeepSeek", first: 10) { id kind name aliases }
}
`,
  },
  {
    title: 'As of a day: export controls on 2023-06-01',
    query: `# The same question before the October 2023 rule took effect.
query ExportControlsDeepSeek2023 {
  exportControls(entity: "DeepSeek", asOf: "2023-06-01", maxPaths: 1) {
    hits { regulation { id effective } paths { summary } }
  }
}
`,
  },
];

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

const examplesPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPanel };

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      defaultQuery={EXAMPLES[0].query}
      defaultTabs={EXAMPLES.slice(0, 5).map((e) => ({ query: e.query }))}
      plugins={[examplesPlugin]}
      visiblePlugin={examplesPlugin}
      defaultEditorToolsVisibility={false}
      isHeadersEditorEnabled={true}
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>SupplyGraph</GraphiQL.Logo>
    </GraphiQL>
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

createRoot(document.getElementById('graphiql')).render(<App />);
