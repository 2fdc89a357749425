/** The words of every email, in French (see `en.ts`). French plurals: 0 and 1 take `_one`. */
import type { EmailText } from './en.ts';

export const fr: EmailText = {
  greeting: 'Bonjour {{name}},',
  signature: '— {{firm}}',
  labelled: '{{label}} : {{value}}',
  invitation: {
    subject: '{{firm}} vous a ouvert un portail client',
    intro: '{{firm}} partage des documents avec vous au moyen d’un portail client sécurisé.',
    portal: 'Portail',
    signInEmail: 'Adresse de connexion',
    temporaryPassword: 'Mot de passe provisoire',
    firstSignIn: 'Connectez-vous avec le mot de passe provisoire ; vous choisirez ensuite votre propre mot de passe.',
    expiry: 'Le mot de passe provisoire expire au bout de 7 jours. S’il a expiré, demandez-nous de vous envoyer une nouvelle invitation.',
  },
  documentsShared: {
    subject_one: '{{firm}} a partagé un document avec vous',
    subject_other: '{{firm}} a partagé {{count}} documents avec vous',
    intro: '{{firm}} a partagé avec vous :',
    open: 'Ouvrez votre portail pour les consulter',
  },
  customerUpload: {
    subject_one: '{{contact}} a déposé un document',
    subject_other: '{{contact}} a déposé {{count}} documents',
    intro: '{{contact}} a déposé sur le portail {{firm}} :',
    open: 'Ils sont dans l’espace documentaire',
  },
  newSignUp: {
    subject: 'Nouvelle inscription au portail : {{name}}',
    body: '{{name}} <{{email}}> s’est inscrit(e) au portail {{firm}} et y a désormais accès.',
    contacts: 'Contacts',
  },
  accessClosed: {
    subject: 'Votre accès au portail {{firm}} a été fermé',
    body: '{{firm}} a fermé votre accès à son portail client. Vous ne pouvez plus vous connecter.',
    help: 'Si vous pensez qu’il s’agit d’une erreur, ou si vous avez de nouveau besoin de documents, contactez-nous.',
  },
  accessReopened: {
    subject: 'Votre accès au portail {{firm}} est de nouveau ouvert',
    body: '{{firm}} a rouvert votre accès à son portail client. Vous pouvez de nouveau vous connecter avec votre adresse e-mail et votre mot de passe.',
    portal: 'Portail',
  },
  staffInvitation: {
    subject: 'Vous êtes invité(e) à l’administration du portail {{firm}}',
    resetSubject: 'Votre mot de passe du portail {{firm}} a été réinitialisé',
    body: 'Vous disposez désormais d’un compte collaborateur sur le portail {{firm}}.',
    resetBody: 'Un administrateur a réinitialisé votre mot de passe.',
    signIn: 'Connexion',
    email: 'Adresse e-mail',
    temporaryPassword: 'Mot de passe provisoire',
    firstSignIn: 'À la connexion, vous choisirez votre propre mot de passe et configurerez une application d’authentification (obligatoire).',
  },
  codes: {
    code: 'Code',
    signUpSubject: 'Votre code de vérification pour le portail {{firm}}',
    signUpBody: 'Saisissez ce code de vérification pour confirmer votre adresse e-mail et terminer la création de votre compte sur le portail {{firm}}.',
    signUpExpiry: 'Le code est valable 24 heures.',
    resetSubject: 'Votre code de réinitialisation du mot de passe pour le portail {{firm}}',
    staffResetSubject: 'Votre code de réinitialisation du mot de passe pour l’administration du portail {{firm}}',
    resetBody: 'Une demande de réinitialisation du mot de passe de votre compte sur le portail {{firm}} a été faite. Saisissez ce code pour choisir un nouveau mot de passe.',
    resetExpiry: 'Le code est valable 1 heure.',
    verifySubject: 'Confirmez votre adresse e-mail pour le portail {{firm}}',
    verifyBody: 'Saisissez ce code pour confirmer l’adresse e-mail de votre compte sur le portail {{firm}}.',
    notYou: 'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : rien ne change.',
  },
};
