/** Service errors in the user's language: known codes are translated, others keep their message. */
import { useI18n } from 'vue-i18n'
import type { ServiceError } from '../../../shared/result'
import { errorLine } from '../problem-text'

export function useErrorText(): (error: ServiceError) => string {
  const { t, te } = useI18n()
  return (error) => {
    const key = `errors.${error.code}`
    return errorLine(error, te(key) ? t(key, { message: error.message }) : error.message)
  }
}
