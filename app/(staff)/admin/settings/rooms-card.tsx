"use client";
import "@/app/_lib/zod-browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { roomBody, type roomDto } from "@/lib/scheduling/setup/schemas";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { setupKeys } from "@/app/_lib/queries/clinic-setup";

type Room = z.infer<typeof roomDto>;

export function RoomsCard({ initial }: { initial: Room[] }) {
  const qc = useQueryClient();
  const rooms = useQuery({ queryKey: setupKeys.rooms, queryFn: () => call(ops.listRooms), initialData: initial });
  const form = useForm<z.input<typeof roomBody>, unknown, z.output<typeof roomBody>>({
    resolver: zodResolver(roomBody),
    defaultValues: { name: "" },
  });
  const refresh = () => qc.invalidateQueries({ queryKey: setupKeys.rooms });
  const add = useMutation({
    mutationFn: (body: z.output<typeof roomBody>) => call(ops.createRoom, { body }),
    onSuccess: () => {
      form.reset();
      void refresh();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const archive = useMutation({
    mutationFn: (r: Room) => call(ops.updateRoom, { params: { roomId: r.id }, body: { archived: !r.archived } }),
    onSuccess: refresh,
  });
  return (
    <Card title="Rooms">
      {rooms.data.length === 0 ? (
        <EmptyState title="No rooms yet">Add the treatment rooms appointments take place in.</EmptyState>
      ) : (
        <ul className="divide-y divide-line" aria-label="Rooms">
          {rooms.data.map((r) => (
            <li key={r.id} className="flex min-h-12 items-center justify-between gap-2">
              <span>
                {r.name} {r.archived ? <Badge>Archived</Badge> : null}
              </span>
              <Button variant="ghost" onClick={() => archive.mutate(r)}>
                {r.archived ? "Restore" : "Archive"}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="mt-4 flex items-end gap-2" noValidate onSubmit={form.handleSubmit((v) => add.mutate(v))}>
        <Field
          label="New room"
          {...form.register("name")}
          error={form.formState.errors.name?.message}
          className="flex-1"
        />
        <Button type="submit" variant="secondary" busy={add.isPending}>
          Add room
        </Button>
      </form>
      {add.error ? (
        <div className="mt-2">
          <Notice tone="danger">{add.error.message}</Notice>
        </div>
      ) : null}
    </Card>
  );
}
