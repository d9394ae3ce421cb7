// Who a 409 conflict names: the person's name, never their email (a conflict reaches any editor,
// and through the API any token holder). An audit row without a user (a script, the seed) is
// named by its label, unless the label is an email address.
export function conflictAuthor(latest: { actorLabel: string; actor: { name: string } | null } | null | undefined): string {
  if (latest?.actor?.name) return latest.actor.name;
  if (latest?.actorLabel && !latest.actorLabel.includes('@')) return latest.actorLabel;
  return 'Someone';
}
