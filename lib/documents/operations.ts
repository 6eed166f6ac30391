import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { clientIdParams } from "@/lib/clients/schemas";
import {
  clientDocumentParams,
  documentDto,
  documentFileQuery,
  documentListDto,
  MAX_DOCUMENT_BODY_BYTES,
  portalDocumentListDto,
  portalDocumentParams,
  updateDocumentBody,
  uploadDocumentBody,
} from "@/lib/documents/schemas";

// A 1×1 PNG: the smallest real picture, for the OpenAPI example and the authorization walk.
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const binary = z.string().meta({ format: "binary" });

export const listClientDocuments = defineOperation({
  id: "listClientDocuments",
  method: "GET",
  path: "/api/clients/{clientId}/documents",
  tag: "Documents",
  summary: "The client's documents: posture photos, referral letters, imaging reports",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "documents" },
  params: clientIdParams,
  response: documentListDto,
});

export const uploadClientDocument = defineOperation({
  id: "uploadClientDocument",
  method: "POST",
  path: "/api/clients/{clientId}/documents",
  tag: "Documents",
  summary:
    "Add a document (PDF, JPEG, PNG, WebP or HEIC, at most 10 MB, sent as base64 JSON; type read from the bytes)",
  auth: { permission: "clinical.write" },
  params: clientIdParams,
  body: uploadDocumentBody,
  maxBodyBytes: MAX_DOCUMENT_BODY_BYTES,
  response: documentDto,
  successStatus: 201,
  exampleBody: {
    kind: "posture_photo",
    title: "Standing, front",
    fileName: "front.png",
    documentDate: "2026-11-30",
    view: "front",
    tags: ["posture"],
    dataBase64: TINY_PNG,
  },
});

export const updateClientDocument = defineOperation({
  id: "updateClientDocument",
  method: "PATCH",
  path: "/api/clients/{clientId}/documents/{documentId}",
  tag: "Documents",
  summary: "Edit a document's title, kind, date, view, tags or sharing with the client",
  auth: { permission: "clinical.write" },
  params: clientDocumentParams,
  body: updateDocumentBody,
  response: documentDto,
  exampleBody: { version: 1, tags: ["posture", "baseline"], sharedWithClient: true },
});

export const deleteClientDocument = defineOperation({
  id: "deleteClientDocument",
  method: "DELETE",
  path: "/api/clients/{clientId}/documents/{documentId}",
  tag: "Documents",
  summary: "Remove a document from the record (kept, no longer shown)",
  auth: { permission: "clinical.write" },
  params: clientDocumentParams,
  successStatus: 204,
});

export const getClientDocumentFile = defineOperation({
  id: "getClientDocumentFile",
  method: "GET",
  path: "/api/clients/{clientId}/documents/{documentId}/file",
  tag: "Documents",
  summary: "The document itself (original) or its preview; every opening is in the audit trail",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "document" },
  params: clientDocumentParams,
  query: documentFileQuery,
  produces: "application/octet-stream",
  response: binary,
});

export const getClientDocumentThumbnail = defineOperation({
  id: "getClientDocumentThumbnail",
  method: "GET",
  path: "/api/clients/{clientId}/documents/{documentId}/thumbnail",
  tag: "Documents",
  summary:
    "A document's grid thumbnail: a picture, or a PDF's first page (WebP, ≤ 320 px; covered by the audited list)",
  auth: { permission: "clinical.read" },
  params: clientDocumentParams,
  produces: "image/webp",
  response: binary,
});

export const listMyDocuments = defineOperation({
  id: "listMyDocuments",
  method: "GET",
  path: "/api/portal/documents",
  tag: "Portal",
  summary: "Documents my clinic shared with me",
  auth: { permission: "portal.self" },
  response: portalDocumentListDto,
});

export const getMyDocumentFile = defineOperation({
  id: "getMyDocumentFile",
  method: "GET",
  path: "/api/portal/documents/{documentId}/file",
  tag: "Portal",
  summary: "A document my clinic shared with me (original, preview or thumbnail)",
  auth: { permission: "portal.self" },
  params: portalDocumentParams,
  query: documentFileQuery,
  produces: "application/octet-stream",
  response: binary,
});
