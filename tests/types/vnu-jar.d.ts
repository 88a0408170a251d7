// vnu-jar exports the path of the Nu validator's jar (as a String object); it ships no types.
declare module 'vnu-jar' {
  const jarPath: string
  export default jarPath
}
