// The demo's servers. MP DevTools runs them on this machine while the demo is open and maps these
// made-up names to it, with a certificate it trusts for this project only: no internet needed.
// api.demo… is in project.domains.json; other.demo… is deliberately not.
module.exports = {
  API: 'https://api.demo.mpdevtools.test',
  OTHER: 'https://other.demo.mpdevtools.test',
  SOCKET: 'wss://api.demo.mpdevtools.test/chat',
}
