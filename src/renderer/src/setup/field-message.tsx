import type { FieldProps } from '@fluentui/react-components';
import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fluent lays a Field out as a grid and puts the message before the hint; after the hint, an
  // error reads as the last word on the field and the blank placeholder becomes plain spacing.
  message: { order: 1 },
});

/** The validation props of a Field, for the error it shows or for none. */
export type ValidationProps = Pick<FieldProps, 'validationMessage' | 'validationState'>;

/**
 * Gives every Field a message line, blank while the field is valid. Errors come and go as the
 * technician types; with the line always there, the form keeps its height and nothing moves
 * under the pointer or the caret. The blank line is hidden from screen readers.
 */
export function useValidationProps(): (error: string | undefined) => ValidationProps {
  const styles = useStyles();
  return (error) =>
    error === undefined
      ? {
          validationState: 'none',
          validationMessage: { children: '\u00a0', 'aria-hidden': true, className: styles.message },
        }
      : { validationState: 'error', validationMessage: { children: error, className: styles.message } };
}
