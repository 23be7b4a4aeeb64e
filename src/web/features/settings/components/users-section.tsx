// Admins manage users here: the list, adding one (email, role, a password of 12+ characters), resetting a
// password (which ends that user's sessions) and removing a user.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLES, type Role } from '@domain/access/principal';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { accessKeys } from '@/lib/query-keys';
import { addUser, MIN_PASSWORD_LENGTH, removeUser, resetPassword, userQueries, type User } from '../api/users';

export function UsersSection({ currentEmail }: { currentEmail: string }) {
  const users = useQuery(userQueries.list());
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: accessKeys.users });
  const remove = useMutation({ mutationFn: removeUser, onSuccess: invalidate });
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <div className="space-y-4">
      <AddUserForm onAdded={invalidate} />
      {remove.isError ? <p role="alert" className="text-sm text-red-800">Could not remove the user: {remove.error.message}</p> : null}
      {resetting ? <ResetPasswordForm user={resetting} onDone={() => setResetting(null)} /> : null}
      {users.isPending ? (
        <p role="status">Loading users…</p>
      ) : users.isError ? (
        <p role="alert" className="text-sm text-red-800">Could not load users: {users.error.message}</p>
      ) : (
        <Table caption="Users">
          <thead>
            <tr>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Added</Th>
              <Th>Actions</Th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id}>
                <Td>{user.email}</Td>
                <Td>{user.role}</Td>
                <Td>{formatDateTime(user.createdAt ?? null)}</Td>
                <Td>
                  <div className="flex gap-2">
                    <Button aria-label={`Reset password of ${user.email}`} onClick={() => setResetting(user)}>Reset password</Button>
                    {user.email === currentEmail ? null : (
                      <Button tone="danger" aria-label={`Remove ${user.email}`} disabled={remove.isPending} onClick={() => remove.mutate(user.id)}>
                        Remove
                      </Button>
                    )}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function AddUserForm({ onAdded }: { onAdded: () => Promise<unknown> }) {
  const ids = { email: useId(), role: useId(), password: useId() };
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [password, setPassword] = useState('');
  const add = useMutation({
    mutationFn: () => addUser({ email: email.trim(), role, password }),
    onSuccess: () => {
      setEmail('');
      setPassword('');
      return onAdded();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <form aria-label="Add a user" onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm">
      <div className="flex flex-col">
        <label htmlFor={ids.email}>Email</label>
        <input id={ids.email} type="email" required value={email} onChange={(event) => setEmail(event.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1.5" />
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.role}>Role</label>
        <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value === 'admin' ? 'admin' : 'manager')} className="mt-1 rounded border border-slate-300 bg-white px-2 py-1.5">
          {ROLES.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.password}>Password</label>
        <input id={ids.password} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby={`${ids.password}-hint`} className="mt-1 rounded border border-slate-300 px-2 py-1.5" />
        <span id={`${ids.password}-hint`} className="text-xs text-slate-600">At least {MIN_PASSWORD_LENGTH} characters.</span>
      </div>
      <Button type="submit" disabled={add.isPending}>Add user</Button>
      {add.isError ? <p role="alert" className="w-full text-red-800">Could not add the user: {add.error.message}</p> : null}
      {add.isSuccess ? <p role="status" className="w-full text-slate-700">User added.</p> : null}
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: () => resetPassword(user.id, password), onSuccess: () => setPassword('') });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate();
  }
  return (
    <form aria-label={`New password for ${user.email}`} onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3 text-sm">
      <div className="flex flex-col">
        <label htmlFor={id}>New password for {user.email}</label>
        <input id={id} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} value={password} onChange={(event) => setPassword(event.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1.5" />
      </div>
      <Button type="submit" disabled={reset.isPending}>Set password</Button>
      <Button onClick={onDone}>Done</Button>
      {reset.isError ? <p role="alert" className="w-full text-red-800">Could not reset the password: {reset.error.message}</p> : null}
      {reset.isSuccess ? <p role="status" className="w-full text-slate-700">Password changed; {user.email} is signed out everywhere.</p> : null}
    </form>
  );
}
