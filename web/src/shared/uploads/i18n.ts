/** Texts of attachments: the chips in the composer and the refusals. */
export default {
  en: {
    upload: {
      remove: 'Remove {name}',
      uploading: 'Uploading {name}',
      tooBig: '{name} is larger than 10 MB and was not attached.',
      tooMany: 'A message carries at most 5 files: {name} was not attached.',
    },
  },
  es: {
    upload: {
      remove: 'Quitar {name}',
      uploading: 'Subiendo {name}',
      tooBig: '{name} pesa más de 10 MB y no se adjuntó.',
      tooMany: 'Un mensaje lleva como máximo 5 archivos: {name} no se adjuntó.',
    },
  },
  pt: {
    upload: {
      remove: 'Remover {name}',
      uploading: 'Enviando {name}',
      tooBig: '{name} tem mais de 10 MB e não foi anexado.',
      tooMany: 'Uma mensagem leva no máximo 5 arquivos: {name} não foi anexado.',
    },
  },
};
