import { missingMessage, requireService } from './index.js';

describe('requireService', () => {
  it('reports an available service', async () => {
    expect(await requireService('git')).toEqual({ name: 'git', available: true, message: '' });
  });

  it('explains what is missing and how to install it', () => {
    const message = missingMessage([
      { name: 'nginx', available: false, message: 'nginx is not on the PATH; install it with `apt-get install nginx`' },
      { name: 'git', available: true, message: '' },
    ]);
    expect(message).toBe(
      'service "nginx" is missing: nginx is not on the PATH; install it with `apt-get install nginx`',
    );
  });
});
