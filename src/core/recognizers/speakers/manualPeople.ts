/**
 * People annotated by hand, linked to the people the recognizers found in the same document: a manual
 * "Daniel Okafor" and an automatic "Okafor" are one person, under the fuller name. A manual mention that names
 * its entity keeps it; one that does not is given the id of the same name found automatically, else the id of
 * its own name, and the automatic mentions of that surname alone then join it.
 */
import type { Mention } from '../../model/mention';
import { NameKeys, textIdOf } from './nameKeys';
import { initialsAgree } from './personLinker';
import { sameFirstName } from './transliteration';

function isPerson(m: Mention): boolean {
  return (m.kind === 'speaker' || m.kind === 'person') && !m.layer;
}

/** The mentions with manual people linked (changed mentions are copies; the array is new when any changed). */
export function linkManualPeople(mentions: Mention[]): Mention[] {
  const manual = mentions.filter((m) => isPerson(m) && m.source === 'manual' && m.entityId === undefined);
  if (manual.length === 0) return mentions;
  const out = [...mentions];
  const names = new NameKeys();
  // Ids of automatic surname-only people to move to a manual full name, by id.
  const moved = new Map<string, { id: string; name: string }>();
  for (const m of manual) {
    const key = names.of(m.text, false);
    const name = key.display ?? m.text.replace(/\s+/g, ' ');
    let id: string | undefined;
    let value = name;
    for (const a of mentions) {
      if (!isPerson(a) || a.source !== 'auto' || a.entityId === undefined || a.value === undefined) continue;
      const k = names.of(a.value, false);
      if (k.surname !== key.surname) continue;
      if (k.full && key.full && sameFirstName(k.words[0] as string, key.words[0] as string) && initialsAgree(k.initials, key.initials)) {
        id = a.entityId;
        value = a.value;
        break;
      }
      if (!k.full && key.full) moved.set(a.entityId, { id: (id ??= textIdOf(key, m.text)), name });
    }
    id ??= textIdOf(key, m.text);
    out[out.indexOf(m)] = { ...m, entityId: id, value };
  }
  if (moved.size === 0) return out;
  return out.map((m) => {
    const to = m.source === 'auto' && m.entityId !== undefined ? moved.get(m.entityId) : undefined;
    return to ? { ...m, entityId: to.id, value: to.name } : m;
  });
}
