// The API beside this page, over HTTP and (for subscriptions) WebSocket.
const endpoint = new URL('graphql', window.location.href);
const socket = new URL(endpoint);
socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: endpoint.href, subscriptionUrl: socket.href }),
    defaultEditorToolsVisibility: true,
    defaultTabs: TABS,
  }),
);
