// Chart colours: the accent for the client's own diary, warm grey for the clinic. The two
// also differ in dot shape (circle / square) and line style (solid / dashed), and the text
// list below carries every value, so nothing depends on telling the colours apart.
export const DIARY = "#0f6b73";
export const CLINIC = "#57534e";

export interface Row {
  date: string;
  t: number;
  diary?: number;
  clinic?: number;
}
