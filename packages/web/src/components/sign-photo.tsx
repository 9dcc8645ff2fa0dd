import { useState } from 'react';
import { dpoApi, signPhotoUrl, type ApiFailure, type SignPhoto as Photo } from '../api/dpo-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';
import { ApiProblem } from './api-problem';

/** The photo of a camera's sign, and (for the DPO, once the camera is in the registry) a JPEG/PNG upload. */
export function SignPhoto(props: {
  cameraId: string;
  photo: Photo | null;
  canUpload: boolean;
  onUploaded: (photo: Photo) => void;
}) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function upload(file: File): Promise<void> {
    setBusy(true);
    setFailure(undefined);
    const result = await dpoApi.uploadSignPhoto(props.cameraId, file);
    setBusy(false);
    if (result.ok) props.onUploaded(result.data);
    else setFailure(result);
  }

  const { photo } = props;
  return (
    <div className="sign-photo">
      {photo === null ? (
        <p className="hint">{t('registry.photo.none')}</p>
      ) : (
        <figure>
          <img src={signPhotoUrl(props.cameraId, photo.sha256)} alt={t('registry.photo.alt')} />
          <figcaption>
            {t('registry.photo.caption', {
              date: new Intl.DateTimeFormat(dateLocale(language), {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone,
              }).format(new Date(photo.uploadedAt)),
              kb: Math.ceil(photo.bytes / 1024),
            })}
          </figcaption>
        </figure>
      )}
      {props.canUpload && (
        <label className="upload">
          {photo === null ? t('registry.photo.upload') : t('registry.photo.replace')}
          <input
            type="file"
            accept="image/jpeg,image/png"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file !== undefined) void upload(file);
            }}
          />
          <small>{busy ? t('registry.photo.sending') : t('registry.photo.hint')}</small>
        </label>
      )}
      <ApiProblem failure={failure} />
    </div>
  );
}
