import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { safetyDto, setPrecautionsBody, setToolsBody } from "@/lib/programmes/safety/schemas";
import { clientVisitsParams } from "@/lib/clinical/schemas";

export const getClientSafety = defineOperation({
  id: "getClientSafety",
  method: "GET",
  path: "/api/clients/{clientId}/safety",
  tag: "Programmes",
  summary: "The client's SMR precautions screen and owned tools",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "safety" },
  params: clientVisitsParams,
  response: safetyDto,
});

export const setClientPrecautions = defineOperation({
  id: "setClientPrecautions",
  method: "PUT",
  path: "/api/clients/{clientId}/precautions",
  tag: "Programmes",
  summary: "Record the precautions screen (replaces it)",
  auth: { permission: "clinical.write" },
  params: clientVisitsParams,
  body: setPrecautionsBody,
  response: safetyDto,
  exampleBody: {
    items: [
      { id: "anticoagulants", note: "Warfarin" },
      { id: "varicose_veins", areas: ["lower_leg"] },
    ],
  },
});

export const setClientTools = defineOperation({
  id: "setClientTools",
  method: "PUT",
  path: "/api/clients/{clientId}/tools",
  tag: "Programmes",
  summary: "Record which self-release tools the client owns",
  auth: { permission: "clinical.write" },
  params: clientVisitsParams,
  body: setToolsBody,
  response: safetyDto,
  exampleBody: { tools: ["massage_ball", "foam_roller"] },
});

export const getMyTools = defineOperation({
  id: "getMyTools",
  method: "GET",
  path: "/api/portal/tools",
  tag: "Portal",
  summary: "The tools I own",
  auth: { permission: "portal.self" },
  response: z.object({ tools: z.array(z.string()) }),
});

export const setMyTools = defineOperation({
  id: "setMyTools",
  method: "PUT",
  path: "/api/portal/tools",
  tag: "Portal",
  summary: "Tell the clinic which tools I own",
  auth: { permission: "portal.self" },
  body: setToolsBody,
  response: z.object({ tools: z.array(z.string()) }),
  exampleBody: { tools: ["massage_ball"] },
});
