/** Runs a command, echoing its output as it comes (indented), and returns it. */
import { spawn } from 'node:child_process';

export interface ChildResult {
  code: number | null;
  output: string;
  ms: number;
}

export function runChild(command: string, args: readonly string[], { indent = '  ', echo = true } = {}): Promise<ChildResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      if (!echo) return;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) console.log(`${indent}${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (echo && pending) console.log(`${indent}${pending}`);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}
