import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { LetterModal } from '../letters/LetterModal';
import { AdvocateProfileModal } from '../profile/AdvocateProfileModal';
import { BinderBuilderModal } from './BinderBuilderModal';

/** The case page's way out to paper: the mediation binder and letters drafted from the case. */
export function BinderAndLettersMenu({ caseId }: { caseId: number }) {
  const [open, setOpen] = useState<'binder' | 'letter' | 'profile' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default">Binder & letters</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setOpen('binder')}>Build binder…</Menu.Item>
          <Menu.Item onClick={() => setOpen('letter')}>Write a letter…</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setOpen('profile')}>Your details on letters and covers…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open === 'binder' && <BinderBuilderModal caseId={caseId} onClose={close} />}
      {open === 'letter' && <LetterModal caseId={caseId} onClose={close} />}
      {open === 'profile' && <AdvocateProfileModal onClose={close} />}
    </>
  );
}
