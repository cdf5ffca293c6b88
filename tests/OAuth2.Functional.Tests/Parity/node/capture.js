// Runs each scenario through simple-oauth2 against a local capture server and prints what went on the wire, as JSON.
// The scenarios are data, mirrored one for one by tests/OAuth2.Functional.Tests/Parity/SimpleOAuth2ParityTests.cs.
const http = require('http');
const { ClientCredentials, AuthorizationCode, ResourceOwnerPassword } = require('simple-oauth2');

const grants = { ClientCredentials, AuthorizationCode, ResourceOwnerPassword };
const scenarios = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const seen = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', c => (body += c));
  req.on('end', () => {
    const headers = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i].toLowerCase()] = req.rawHeaders[i + 1];
    seen.push({ method: req.method, path: req.url, accept: headers['accept'] ?? null, authorization: headers['authorization'] ?? null,
      contentType: headers['content-type'] ?? null, body });
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ access_token: 'at', refresh_token: 'rt', expires_in: 60 }));
  });
});

server.listen(0, '127.0.0.1', async () => {
  const host = `http://127.0.0.1:${server.address().port}`;
  const results = [];
  for (const s of scenarios) {
    const config = JSON.parse(JSON.stringify(s.config).replaceAll('$HOST', host));
    const grant = new grants[s.grant](config);
    const params = Object.fromEntries(s.params.map(([k, v]) => [k, v]));
    if (s.op === 'authorize') results.push({ name: s.name, url: grant.authorizeURL(params) });
    else {
      if (s.op === 'token') await grant.getToken(params);
      if (s.op === 'refresh') await grant.createToken({ access_token: 'old', refresh_token: s.refreshToken }).refresh(params);
      if (s.op === 'revoke') await grant.createToken({ access_token: 'old', refresh_token: s.refreshToken }).revoke(s.kind);
      results.push({ name: s.name, ...seen[seen.length - 1] });
    }
  }
  process.stdout.write(JSON.stringify({ host, results }));
  server.close();
});
