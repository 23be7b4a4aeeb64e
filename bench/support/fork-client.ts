// Benches that load a server from a second process fork their own file as the client; this is the parent's side:
// start the child, and wait for its next message of a given type (parsed with the bench's own schema).
import { fork, type ChildProcess } from 'node:child_process';
import type { z } from 'zod';

export function forkClient<Message extends { type: string }>(file: string, args: readonly string[], schema: z.ZodType<Message>) {
  const child: ChildProcess = fork(file, [...args], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting: { type: Message['type']; resolve: (message: Message) => void; reject: (error: Error) => void }[] = [];
  child.on('message', (raw) => {
    const message = schema.safeParse(raw);
    if (!message.success) return;
    const index = waiting.findIndex((w) => w.type === message.data.type);
    if (index !== -1) waiting.splice(index, 1)[0]?.resolve(message.data);
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`client exited (${code}) before ${w.type}`));
  });
  const next = (type: Message['type']): Promise<Message> => new Promise((resolve, reject) => waiting.push({ type, resolve, reject }));
  return { child, next };
}
