/**
 * The API's refusals in French, by their `error.code`. The API writes English, so English needs no
 * such list: its own message (which names the field or the state) is shown as it is. A code not
 * listed here (e.g. `invalid_request`, whose message names the field at fault) shows the server's
 * message too.
 */
import type { Catalogue } from '../i18n.ts';

export const apiErrorsFr: Catalogue = {
  network: 'Le portail est injoignable. Vérifiez votre connexion et réessayez.',
  error: 'La demande a échoué ({{status}}). Veuillez réessayer.',
  unauthenticated: 'Veuillez vous reconnecter.',
  not_found: "Cet élément n'existe pas ou n'est pas partagé avec vous.",
  too_many_requests: 'Trop de modifications simultanées ; veuillez réessayer dans un instant.',
  invalid_cursor: 'Cette liste a changé entre-temps. Rechargez la page.',
  portal_closed: 'Le portail est fermé pour le moment. Veuillez réessayer plus tard ou contacter le cabinet.',
  access_closed: "Votre accès au portail a été fermé. Contactez le cabinet si vous en avez de nouveau besoin.",
  not_allowed: "Le cabinet n'autorise pas cette action pour le moment. Les documents que vous voyez restent consultables et téléchargeables.",
  not_your_upload: 'Vous ne pouvez supprimer que les documents que vous avez vous-même déposés.',
  file_too_large: 'Ce fichier est trop volumineux pour être déposé.',
  upload_incomplete: "Ce fichier n'a pas fini d'être déposé.",
  upload_missing: "Le fichier n'a pas encore été déposé ; déposez-le, puis réessayez.",
  parts_required: "L'envoi du fichier est incomplet. Veuillez le déposer à nouveau.",
  admin_only: 'Seuls les administrateurs du portail peuvent effectuer cette action.',
  staff_disabled: 'Votre compte collaborateur est désactivé. Demandez à un administrateur de le réactiver.',
  staff_exists: 'Cette adresse e-mail a déjà un compte collaborateur.',
  last_admin: 'Il doit rester au moins un administrateur actif : nommez-en un autre avant cette modification.',
  contact_archived: 'Ce contact est archivé ; rien ne peut être partagé avec lui ni lui ouvrir un accès.',
  contact_exists: 'Ce contact existe déjà.',
  email_required: "Ajoutez une adresse e-mail au contact avant d'ouvrir son accès au portail.",
  access_exists: 'Ce contact a déjà un accès au portail.',
  access_not_open: "L'accès au portail de ce contact n'est pas ouvert ; il n'y a rien à fermer.",
  access_not_closed: 'Seul un accès fermé peut être rouvert.',
  access_open: "Fermez l'accès au portail avant de changer l'adresse e-mail qui sert à se connecter.",
  access_changed: "L'accès au portail a été modifié au même moment ; rechargez le contact et réessayez.",
  not_invited: 'Seule une invitation en attente peut être renvoyée.',
  unknown_items: "Certains éléments n'existent pas dans les documents du cabinet (ou sont dans la corbeille).",
  shared_meanwhile: 'Quelqu’un a partagé certains de ces éléments au même moment ; rechargez le contact et réessayez.',
  unshared_meanwhile: 'Quelqu’un a retiré ce partage au même moment ; rechargez le contact.',
  item_changed: "Cet élément a été modifié au même moment (déplacé, renommé ou supprimé) ; rechargez le dossier et réessayez.",
  changed_meanwhile: 'Une modification a eu lieu au même moment ; rechargez et réessayez.',
  invalid_move: 'Un dossier ne peut pas être déplacé dans lui-même ni dans un de ses sous-dossiers.',
  invalid_name: 'Le nom doit compter de 1 à 255 caractères, sans « / », « \\ » ni caractères de contrôle.',
  too_many_entries: 'Trop d’entrées correspondent : choisissez une période plus courte et exportez-la en plusieurs fois.',
  // Matters, comments and requests (F18, F20–F22).
  matter_approved: 'Ce dossier a été approuvé : il ne reçoit plus de documents. Demandez au cabinet de le rouvrir si vous devez en envoyer d’autres.',
  matter_folder_unavailable: 'Le dossier qui reçoit vos documents n’est pas disponible pour le moment ; demandez au cabinet de le restaurer.',
  comments_off: 'Le cabinet ne reçoit pas de commentaires par le portail pour le moment. Vous pouvez toujours lire ce qui a été écrit ici.',
  already_hidden: 'Ce commentaire est déjà masqué.',
  reference_taken: 'Cette référence est déjà celle d’un autre dossier ; choisissez-en une autre.',
  request_decided: 'Cette demande a déjà reçu une réponse : elle ne change plus et ne reçoit plus de fichiers. Rechargez la page.',
  request_folder_unavailable: 'Le dossier des fichiers de cette demande a été supprimé ; demandez au cabinet de le restaurer.',
};
