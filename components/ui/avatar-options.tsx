/** The options of an avatar picker: "All avatars" (the empty value), then each avatar by name. */
export function AvatarOptions({ avatars }: { avatars: { id: string; name: string }[] }) {
  return (
    <>
      <option value="">All avatars</option>
      {avatars.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </>
  );
}
