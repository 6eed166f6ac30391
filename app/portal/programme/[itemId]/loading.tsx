import { ItemPageSkeleton } from "../_components/programme-states";

export default function Loading() {
  return <ItemPageSkeleton />;
}
