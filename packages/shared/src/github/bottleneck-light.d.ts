/** bottleneck/light.js: Bottleneck without clustering, the build @octokit/plugin-throttling uses. */
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
